package org.spares.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The whole of config.yml: Dropwizard's blocks plus one small validated block per concern. */
public class SparesConfiguration extends Configuration {
    @Valid
    @NotNull
    @JsonProperty("database")
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    @JsonProperty("spares")
    private SparesSettings spares = new SparesSettings();

    /** The database block, with the driver chosen from the URL (so every command agrees on it). */
    @Valid
    @NotNull
    @JsonProperty("reservations")
    private ReservationSettings reservations = new ReservationSettings();

    @Valid
    @NotNull
    @JsonProperty("forecast")
    private ForecastSettings forecast = new ForecastSettings();

    @Valid
    @NotNull
    @JsonProperty("pages")
    private PageSettings pages = new PageSettings();

    public PageSettings getPages() {
        return pages;
    }

    public ForecastSettings getForecast() {
        return forecast;
    }

    public ReservationSettings getReservations() {
        return reservations;
    }

    public DataSourceFactory getDatabase() {
        DatabaseSetup.chooseDriver(database);
        return database;
    }

    public SparesSettings getSpares() {
        return spares;
    }
}
