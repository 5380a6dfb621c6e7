package io.github.chaoswatch.ui;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's chromium driven through its chromedriver (no Selenium Manager, no downloads). Where they are missing the
 * browser tests are skipped with the install line, unless {@code CHAOSWATCH_REQUIRE_BROWSER=1} (set by
 * {@code .ci/run}, which installs them) makes that a failure.
 */
final class HeadlessChromium implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static HeadlessChromium start() throws IOException {
        File browser = new File(System.getProperty("chaoswatch.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("chaoswatch.chromedriver", "/usr/bin/chromedriver"));
        if (!browser.canExecute() || !chromedriver.canExecute()) {
            String why = "browser tests need " + browser + " and " + chromedriver
                    + " (Debian: apt-get install chromium chromium-driver)";
            if ("1".equals(System.getenv("CHAOSWATCH_REQUIRE_BROWSER"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        Path profile = Files.createTempDirectory("chaoswatch-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1500",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Runs {@code script} in the page (with {@code arguments[i]} = {@code args[i]}) and returns its value. */
    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until {@code condition} holds, failing with {@code what} (and its last value) after {@code timeout}. */
    void await(String what, Duration timeout, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(condition.get())) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
