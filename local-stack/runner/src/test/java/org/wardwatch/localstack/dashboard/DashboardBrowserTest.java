package org.wardwatch.localstack.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.emulator.ProjectRoot;
import org.wardwatch.localstack.LocalStack;
import org.wardwatch.localstack.staff.StaffUsers;
import org.wardwatch.localstack.ward.DeviceConnection;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;

/**
 * The ward dashboard in a real browser (Debian's chromium driven by Playwright) against the local stack: a nurse
 * signs in with the emulator's Cognito, sees her ward's beds, sees an alert raised by a reading published through the
 * broker appear without reloading, acknowledges it and sees it acknowledged; a nurse of another ward cannot see
 * ICU-3. Screenshots go to {@code target/dashboard-screenshots/}.
 */
class DashboardBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/dashboard-screenshots");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static LocalStack stack;
    private static URI dashboard;
    private static LocalStack.Credentials oximeter;
    private static LocalStack.Credentials fridge;
    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void startTheStackAndTheBrowser() {
        Path root = ProjectRoot.find();
        stack = LocalStack.start(new LocalStack.Options(root, root.resolve("local-stack/tenant.json"),
                root.resolve("local-stack/runner/target/dashboard-test"), 1,
                List.of(Duration.ofMillis(100), Duration.ofMillis(100)), System.err));
        oximeter = stack.declare(new DeviceSpec(TenantId.of(stack.tenant().tenantId()),
                ThingName.of("dash-icu3-bed2-spo2"), DeviceKind.PULSE_OXIMETER, "ICU-3", "2", null));
        stack.declare(new DeviceSpec(TenantId.of(stack.tenant().tenantId()), ThingName.of("dash-icu3-bed1-spo2"),
                DeviceKind.PULSE_OXIMETER, "ICU-3", "1", null));
        stack.declare(new DeviceSpec(TenantId.of(stack.tenant().tenantId()), ThingName.of("dash-w5-bed3-spo2"),
                DeviceKind.PULSE_OXIMETER, "W5", "3", null));
        fridge = stack.declare(new DeviceSpec(TenantId.of(stack.tenant().tenantId()),
                ThingName.of("dash-pharmacy-fridge"), DeviceKind.STORAGE_SENSOR, "Pharmacy", null, "vaccine_fridge"));
        dashboard = stack.serveApi().orElseThrow().resolve("/dashboard");
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setArgs(List.of("--no-sandbox")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void openAPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
    }

    @AfterEach
    void closeThePage() {
        context.close();
    }

    private void signIn(String username) {
        StaffUsers.StaffUser user = stack.createDemoStaff().orElseThrow().named(username);
        page.navigate(dashboard.toString());
        page.getByLabel("User name").fill(user.username());
        page.getByLabel("Password").fill(user.password());
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    /**
     * Runs axe-core (from npm, installed by the build) in the page as it is now and returns its serious and critical
     * violations, each as {@code id: help (n nodes)}.
     */
    private List<String> seriousAccessibilityViolations() throws Exception {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(java.nio.file.Files.readString(
                Path.of(System.getProperty("wardwatch.axeScript")))));
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate("async () => (await axe.run(document))"
                + ".violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes)')");
        return violations;
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Test
    void aNurseOfIcu3_seesHerBeds_anAlertAppearsWithoutReloading_andSheAcknowledgesIt() throws Exception {
        signIn("nurse-icu3");

        Locator bed2 = page.locator("[data-bed='2']");
        assertThat(page.locator("#board-title")).hasText("Beds of ICU-3");
        assertThat(page.locator("#sign-in")).isHidden();
        assertThat(page.locator("#who")).hasText("nurse-icu3");
        assertThat(bed2).containsText("dash-icu3-bed2-spo2");
        assertThat(page.locator("#beds > li").first()).hasAttribute("data-bed", "1");
        screenshot("ward-view");
        org.assertj.core.api.Assertions.assertThat(seriousAccessibilityViolations()).as("the ward view").isEmpty();

        try (DeviceConnection device = stack.connect(oximeter)) {
            Instant now = Instant.now();
            device.publish(stack.tenant().telemetryTopic(oximeter.thing()), spo2("dash-0", now.minusSeconds(20), 95)).get();
            device.publish(stack.tenant().telemetryTopic(oximeter.thing()), spo2("dash-1", now, 84)).get();
        }
        Locator alert = bed2.locator(".alert");
        assertThat(alert).containsText("CRITICAL", new LocatorAssertions.ContainsTextOptions().setTimeout(5000));
        assertThat(bed2).containsText("84");
        // the bed with a critical alert comes first
        assertThat(page.locator("#beds > li").first()).hasAttribute("data-bed", "2");
        assertThat(bed2.locator("svg.spark")).hasAttribute("aria-label", "spo2, last hour: 2 readings from 84 to 95");
        assertThat(bed2.locator(".devices")).containsText("dash-icu3-bed2-spo2 (");
        screenshot("ward-view-alert");

        alert.getByRole(com.microsoft.playwright.options.AriaRole.TEXTBOX).fill("probe refitted, SpO2 recovering");
        alert.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Acknowledge")).click();
        assertThat(bed2.locator(".acknowledged")).containsText("Acknowledged by nurse-icu3");
        screenshot("ward-view-acknowledged");
        org.assertj.core.api.Assertions.assertThat(seriousAccessibilityViolations()).as("the ward view with an alert")
                .isEmpty();

        view("Alerts");
        Locator listed = page.locator("#open-alerts .alert");
        assertThat(listed).containsText("Acknowledged by nurse-icu3");
        listed.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Timeline")).click();
        assertThat(listed.locator(".timeline")).containsText("OPENED");
        assertThat(listed.locator(".timeline")).containsText("ACKNOWLEDGED CRITICAL by nurse-icu3: probe refitted");
        screenshot("alerts");
        org.assertj.core.api.Assertions.assertThat(seriousAccessibilityViolations()).as("the alerts").isEmpty();

        view("Devices");
        assertThat(page.locator("[data-device='dash-icu3-bed2-spo2']")).containsText("pulse oximeter at bed 2");
        screenshot("devices");
        org.assertj.core.api.Assertions.assertThat(seriousAccessibilityViolations()).as("the devices").isEmpty();
    }

    private static byte[] spo2(String messageId, Instant at, int value) {
        return ("{\"schema\":\"wardwatch.reading.v1\",\"messageId\":\"" + messageId + "\",\"deviceTime\":\"" + at
                + "\",\"readings\":[{\"metric\":\"spo2\",\"value\":" + value + ",\"unit\":\"%\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void view(String name) {
        page.locator("#views").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(name)).click();
        assertThat(page.locator("#board-title")).containsText(name.equals("Cold chain") ? "Cold chain" : name);
    }

    @Test
    void thePharmacist_acknowledgesAnExcursion_andDownloadsTheMonthsLog() throws Exception {
        try (DeviceConnection device = stack.connect(fridge)) {
            device.publish(stack.tenant().telemetryTopic(fridge.thing()), ("{\"schema\":\"wardwatch.reading.v1\","
                    + "\"messageId\":\"dash-fridge-1\",\"deviceTime\":\"" + Instant.now() + "\",\"readings\":"
                    + "[{\"metric\":\"storage_temperature\",\"value\":9.5,\"unit\":\"Cel\"}]}")
                    .getBytes(StandardCharsets.UTF_8)).get();
        }
        signIn("pharmacist");
        view("Cold chain");

        Locator unit = page.locator("[data-unit='dash-pharmacy-fridge']");
        assertThat(unit).containsText("OUT OF RANGE", new LocatorAssertions.ContainsTextOptions().setTimeout(10000));
        Locator excursion = unit.locator("[data-excursion]");
        assertThat(excursion).containsText("Excursion");
        screenshot("cold-chain-excursion");
        org.assertj.core.api.Assertions.assertThat(seriousAccessibilityViolations()).as("the cold chain").isEmpty();

        excursion.getByRole(com.microsoft.playwright.options.AriaRole.TEXTBOX)
                .fill("door closed, stock quarantined, manufacturer called");
        excursion.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Acknowledge excursion")).click();
        assertThat(unit.locator(".acknowledged")).containsText("Acknowledged by pharmacist: door closed");
        screenshot("cold-chain-acknowledged");

        com.microsoft.playwright.Download download = page.waitForDownload(() -> unit.getByRole(
                com.microsoft.playwright.options.AriaRole.BUTTON, new Locator.GetByRoleOptions()
                        .setName(java.util.regex.Pattern.compile("temperature log"))).click());
        String csv = java.nio.file.Files.readString(download.path());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename())
                .startsWith("dash-pharmacy-fridge-").endsWith(".csv");
        org.assertj.core.api.Assertions.assertThat(csv).contains("dash-pharmacy-fridge").contains("9.5");
    }

    @Test
    void aNurseOfW5_isNotShownIcu3_andAskingForItIsRefused() {
        signIn("nurse-w5");
        assertThat(page.locator("#board-title")).hasText("Beds of W5");
        assertThat(page.locator("#ward option")).hasText(new String[] {"W5"});

        page.navigate(dashboard + "?ward=ICU-3");
        page.getByLabel("User name").fill("nurse-w5");
        page.getByLabel("Password").fill(stack.createDemoStaff().orElseThrow().named("nurse-w5").password());
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.locator("#message")).containsText("you do not serve ward ICU-3");
        assertThat(page.locator("#board")).isHidden();
        screenshot("other-ward-refused");
    }

    @Test
    void theSignInPage_hasNoSeriousAccessibilityViolation() throws Exception {
        page.navigate(dashboard.toString());
        assertThat(page.locator("#sign-in")).isVisible();
        screenshot("sign-in");

        org.assertj.core.api.Assertions.assertThat(seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void signingOut_forgetsTheToken() {
        signIn("nurse-icu3");
        assertThat(page.locator("#board-title")).hasText("Beds of ICU-3");

        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign out")).click();

        assertThat(page.locator("#sign-in")).isVisible();
        assertThat(page.locator("#beds li")).hasCount(0);
        Object stored = page.evaluate("() => JSON.stringify(Object.assign({}, localStorage, sessionStorage))");
        org.assertj.core.api.Assertions.assertThat((String) stored).isEqualTo("{}");
    }
}
