package org.hotline12345.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, at the 1366×768 of an agent's screen. Tests that use it
 * are skipped where Chromium is not installed, except under {@code CI=true} ({@code .ci/run} installs it); screenshots
 * go to {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A fresh browser (no cookies) for the service at {@code base}, e.g. http://localhost:8081. */
    public static Browser open(String base) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)";
        // CI installs them, so there a missing browser is a broken build, not a reason to skip
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(missing);
        }
        Assumptions.assumeTrue(installed, missing);
        try {
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=1366,768", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic", "--lang=zh-CN",
                    "--user-data-dir=" + Files.createTempDirectory("hotline-chromium"));
            // the console, where Chromium reports what the Content-Security-Policy refused
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), base.replaceAll("/$", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base + path);
    }

    /** Signs in through the login form; the browser lands on the user's home page. */
    public void signIn(String username) {
        signIn(username, Api.PASSWORD);
        waitFor(By.id("me"));
    }

    /** Submits the login form; the caller checks where the browser landed. */
    public void signIn(String username, String password) {
        go("/login");
        driver.findElement(By.name("j_username")).sendKeys(username);
        driver.findElement(By.name("j_password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    public void signOut() {
        driver.findElement(By.cssSelector("header form button")).click();
        waitFor(By.name("j_username"));
    }

    /**
     * Chooses the desktop's 诉求分类 as an agent does: types into the search and takes the first match with Enter.
     *
     * @param typed what the agent types: part of a name or path, or pinyin initials
     * @param path the category's path as the list shows it, e.g. 城乡建设 / 物业管理 / 物业服务收费
     */
    public void chooseCategory(String typed, String path) {
        WebElement search = driver.findElement(By.id("category-search"));
        search.clear();
        search.sendKeys(typed);
        awaitText(By.cssSelector("#category-options li.active"), path);
        search.sendKeys(Keys.ENTER);
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Sets a date or month field as its picker would: typing into one depends on the browser's locale, its value is
     * the same everywhere.
     */
    public void pick(By field, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(field),
                value);
    }

    /** Waits until the element shows exactly {@code text}, as a page changed by script does. */
    public void awaitText(By locator, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(locator, text));
    }

    /**
     * The element's text once it shows; asked again when the page was replaced under it (a form post), which Chrome
     * reports as a stale element or as a node that no longer belongs to the document.
     */
    public String text(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(d -> {
                    WebElement element = d.findElement(locator);
                    return element.isDisplayed() ? element.getText() : null;
                });
    }

    /** What the console said since last asked: script errors, refusals by the Content-Security-Policy. */
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
