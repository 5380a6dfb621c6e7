package io.github.chaoswatch.ui;

import io.github.chaoswatch.listeners.Alert;
import io.github.chaoswatch.listeners.ChaosReport;
import io.github.chaoswatch.listeners.LayerReport;
import io.github.chaoswatch.listeners.Regime;
import io.github.chaoswatch.listeners.RegimeSnapshot;
import io.github.chaoswatch.listeners.storage.ChaosReportRecord;
import io.github.chaoswatch.listeners.storage.ChaosStaticInfoRecord;
import io.github.chaoswatch.lyapunov.KaplanYorkeDimension;
import io.github.chaoswatch.lyapunov.LyapunovUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page in a real browser: charts drawn from a chaotic run, the banner, and no markup from record strings. */
class ChaosPageBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A name that runs script wherever a record string is put in as markup. */
    private static final String EVIL = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";

    private static HeadlessChromium browser;
    private static RunningUi ui;

    @BeforeAll
    static void start() throws Exception {
        browser = HeadlessChromium.start();
        ui = RunningUi.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (ui != null) {
            ui.close();
        }
    }

    @Test
    void aChaoticRunDrawsEveryReportAndRaisesTheChaoticBanner() throws Exception {
        RunningUi.Run run = ui.train(3, 0, 12);
        int reports = run.listener().reports().size();
        open(run);
        browser.await("the λ1 chart to have " + reports + " points", WAIT,
                () -> String.valueOf(reports).equals(browser.js(
                        "return document.getElementById('lambda-chart').dataset.points")));
        assertEquals("1", browser.js("return document.getElementById('lambda-chart').dataset.series"));
        String banner = browser.driver().findElement(By.id("regime-banner")).getText();
        assertTrue(banner.contains("CHAOTIC"), banner);
        assertTrue(banner.contains("Try:"), banner);
        for (String chart : List.of("lambda-chart", "score-chart", "heatmap-chart", "spectrum-chart",
                "dimension-chart")) {
            assertEquals(Boolean.TRUE, browser.js("return document.getElementById('" + chart
                    + "').querySelector('canvas') !== null"), chart + " has no canvas");
        }
        Path shot = browser.driver().getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", "chaoswatch-ui.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void recordStringsNeverBecomeMarkup() throws Exception {
        RunningUi.Run run = new RunningUi.Run("xss-session", EVIL, null);
        LayerReport layer = new LayerReport(EVIL, EVIL, 4, LyapunovUnit.NATS_PER_STEP, new double[] {0.3, -0.1},
                new double[] {0.01, 0.01}, 1, new KaplanYorkeDimension(2, KaplanYorkeDimension.Kind.DETERMINED),
                0.3, true, 40, 12, null);
        Alert alert = new Alert(Regime.CHAOTIC, EVIL, 0, 0, 0.3, 0.01, 12, EVIL + " Try: " + EVIL);
        ui.storage.putStaticInfo(new ChaosStaticInfoRecord(run.session(), run.worker(), 1, EVIL, EVIL, EVIL, EVIL,
                EVIL));
        for (int i = 0; i < 3; i++) {
            ui.storage.putUpdate(new ChaosReportRecord(run.session(), run.worker(), 1_000 + i,
                    new ChaosReport(i, 0, 1_000 + i, 1, ChaosReport.Status.OK, EVIL, List.of(layer)),
                    new RegimeSnapshot(Map.of(EVIL, Set.of(Regime.CHAOTIC)), i == 2 ? List.of(alert) : List.of(),
                            0.01, 10)));
        }
        open(run);
        browser.await("the λ1 chart to have 3 points", WAIT,
                () -> "3".equals(browser.js("return document.getElementById('lambda-chart').dataset.points")));
        browser.js("const c = echarts.getInstanceByDom(document.getElementById('lambda-chart'));"
                + "c.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 1});");
        browser.await("the tooltip", WAIT, () -> (Boolean) browser.js(
                "return document.body.innerText.includes('(iteration 1)')"));
        assertEquals(Boolean.TRUE, browser.js("return window.__xss === undefined"));
        assertEquals(0L, browser.js("return document.querySelectorAll('img').length"));
        assertEquals(2L, browser.js("return document.querySelectorAll('script').length"));
        String banner = browser.driver().findElement(By.id("regime-banner")).getText();
        assertTrue(banner.contains("<script>window.__xss=1</script>"), banner);
        assertEquals(Boolean.TRUE, browser.js("return document.body.innerText.includes(arguments[0])",
                EVIL + ": 0.3000 nats/step (iteration 1)"), "the tooltip shows the name as text");
    }

    private static void open(RunningUi.Run run) {
        browser.driver().get(ui.url("/chaoswatch?" + RunningUi.query(run)));
    }
}
