package dk.kk.ks.flow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.springframework.util.FileSystemUtils;

/**
 * Every diagram as Camunda Modeler shows it at 100 % (bpmn-js's viewer, vendored in src/test/resources/diagrams/): no
 * word broken inside a label, no label on a shape or crossed by a flow, no two labels on each other, every task's name
 * inside its shape and clear of its type icon, and no boundary event on a task's name or markers. The pictures in
 * docs/diagrams/ (shown in docs/process-owners.md) are written here, so they are always the current diagrams. No
 * application is started.
 */
@Tag("browser")
class DiagramsBrowserTest {

    private static final Path DOCS = Path.of("docs", "diagrams");

    private static Path profileDir;
    private static WebDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        profileDir = Files.createTempDirectory("ksflow-chromium-");
        driver = Chromium.start("da", profileDir);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        FileSystemUtils.deleteRecursively(profileDir.toFile());
    }

    @Test
    void everyDiagramIsReadableAtOneHundredPercentAndItsPictureIsInTheDocs() throws IOException {
        Files.createDirectories(DOCS);
        Map<String, List<String>> problems = new LinkedHashMap<>();
        try (Stream<Path> listing = Files.list(Path.of("processes"))) {
            for (Path diagram : listing.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList()) {
                String name = diagram.getFileName().toString().replace(".bpmn", "");
                Rendered rendered = render(Files.readString(diagram, StandardCharsets.UTF_8));
                Files.write(DOCS.resolve(name + ".png"), driver.findElement(By.id("canvas")).getScreenshotAs(OutputType.BYTES));
                if (!rendered.problems().isEmpty()) {
                    problems.put(diagram.toString(), rendered.problems());
                }
            }
        }
        assertThat(problems).as("labels that are hard to read in Modeler").isEmpty();
    }

    @Test
    void theCheckFindsABrokenWordALabelOnAShapeAndABoundaryEventOnAMarker() {
        String diagram = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                    xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="d" targetNamespace="t">
                  <bpmn:process id="p" isExecutable="false">
                    <bpmn:startEvent id="Start" name="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:task id="Task_Long" name="Journalisér afskedigelsesbrev"><bpmn:incoming>F1</bpmn:incoming>
                      <bpmn:multiInstanceLoopCharacteristics isSequential="true" /></bpmn:task>
                    <bpmn:boundaryEvent id="Timer" attachedToRef="Task_Long"><bpmn:timerEventDefinition /></bpmn:boundaryEvent>
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Long" />
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="P" bpmnElement="p">
                    <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" />
                      <bpmndi:BPMNLabel><dc:Bounds x="180" y="110" width="40" height="14" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>
                    <bpmndi:BPMNShape id="Task_Long_di" bpmnElement="Task_Long"><dc:Bounds x="180" y="78" width="100" height="80" /></bpmndi:BPMNShape>
                    <bpmndi:BPMNShape id="Timer_di" bpmnElement="Timer"><dc:Bounds x="212" y="140" width="36" height="36" /></bpmndi:BPMNShape>
                    <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="136" y="118" /><di:waypoint x="180" y="118" /></bpmndi:BPMNEdge>
                  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
                </bpmn:definitions>""";

        assertThat(render(diagram).problems()).anyMatch(problem -> problem.contains("breaks inside a word"))
                .anyMatch(problem -> problem.contains("\"Start\" (Start): the label lies on Task_Long"))
                .anyMatch(problem -> problem.contains("covers the sequential marker of Task_Long"));
    }

    private record Rendered(List<String> problems) {
    }

    @SuppressWarnings("unchecked")
    private static Rendered render(String xml) {
        try {
            driver.get(DiagramsBrowserTest.class.getResource("/diagrams/index.html").toURI().toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> first = run(xml);
        long width = ((Number) first.get("width")).longValue();
        long height = ((Number) first.get("height")).longValue();
        // The window must hold the whole diagram at 100 % for the screenshot.
        driver.manage().window().setSize(new Dimension((int) Math.max(width + 40, 800), (int) Math.max(height + 160, 600)));
        Map<String, Object> result = run(xml);
        return new Rendered(new ArrayList<>((List<String>) result.get("problems")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(String xml) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "window.render(arguments[0]).then(done, error => done({width: 0, height: 0, problems: ['cannot render: ' + error]}));",
                xml);
    }
}
