package org.spares.pages;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;

/**
 * A page: a FreeMarker template under {@code org/spares/pages} (an {@code .ftlh}, so every value is HTML-escaped),
 * its title, and the frame ({@link Nav}). Subclasses add what their template shows, as getters.
 */
public class PageView extends View {
    private final String title;
    private final Nav nav;

    protected PageView(String template, String title, Nav nav) {
        super("/org/spares/pages/" + template + ".ftlh", StandardCharsets.UTF_8);
        this.title = title;
        this.nav = nav;
    }

    /** The view itself: the templates name it {@code view} (FreeMarker's data model is the view's getters). */
    public PageView getView() {
        return this;
    }

    public String getTitle() {
        return title;
    }

    public Nav getNav() {
        return nav;
    }
}
