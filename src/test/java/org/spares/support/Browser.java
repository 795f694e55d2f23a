package org.spares.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through its own chromedriver (never a downloaded one: Selenium Manager is kept
 * offline). Browser tests call {@link #desktop} or {@link #phone}; on a machine without Chromium they are skipped
 * with a message, unless {@code SPARES_BROWSER_TESTS=required} (as {@code .ci/run} sets it), when they fail.
 *
 * <p>{@link #screenshot} always writes under {@code target/screenshots/}; with {@code -Dspares.screenshots=DIR}
 * (docs/DEVELOPMENT.md: {@code docs/ui}) it writes there too, which is how the README's pictures are refreshed.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Browser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /** A 1280 px wide window. */
    public static Browser desktop(String baseUrl) {
        return start(baseUrl, false);
    }

    /** A phone: Chrome's mobile emulation at 390 px wide (a headless window cannot be narrower than 500 px). */
    public static Browser phone(String baseUrl) {
        return start(baseUrl, true);
    }

    private static Browser start(String baseUrl, boolean phone) {
        requireChromium();
        System.setProperty("SE_OFFLINE", "true");
        Path profile = temporaryProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile, "--window-size=1280,900");
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile, baseUrl);
    }

    /** Skips the calling test when Chromium is missing, or fails it when CI asked for browser tests. */
    public static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (present) {
            return;
        }
        String message = "browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                + CHROMEDRIVER + "): apt-get install -y chromium chromium-driver";
        if ("required".equals(System.getenv("SPARES_BROWSER_TESTS"))) {
            throw new AssertionError(message + "; SPARES_BROWSER_TESTS=required");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a page of the service, by its path. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** Signs in through the sign-in form and waits for the page it leads to. */
    public Browser signIn(String name, String password) {
        open("/ui/login");
        driver.findElement(By.name("name")).sendKeys(name);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/ui/login'] button[type=submit]")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.not(ExpectedConditions.urlContains("/ui/login")));
        return this;
    }

    /** Signs out with the header's button and waits for the sign-in page. */
    public Browser signOut() {
        driver.findElement(By.cssSelector("form.signout button")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains("/ui/login"));
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until an element matching the selector is visible (htmx swaps arrive asynchronously). */
    public WebElement await(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the element's text contains the text. */
    public void awaitText(String css, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css),
                text));
    }

    /** Waits until the element's text no longer contains the text (a swap replaced it). */
    public void awaitNoText(String css, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text)));
    }

    /** Saves a PNG of the page as it is now, named {@code NAME.png}. */
    public Path screenshot(String name) {
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            String docs = System.getProperty("spares.screenshots");
            if (docs != null && !docs.isBlank()) {
                Path copy = Path.of(docs, name + ".png");
                Files.createDirectories(copy.getParent());
                Files.copy(shot, copy, StandardCopyOption.REPLACE_EXISTING);
                // the driver's temporary file is private (600); a picture in the repository is for everyone
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile(profile);
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("spares-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
