package dk.kk.ks.flow.platform.deployment;

/** Small diagrams and decision tables as Camunda Modeler writes them, for the tests of the deployment rules. */
public final class Diagrams {

    private Diagrams() {
    }

    /** A BPMN file whose executable process {@code processId} (history time to live one day) has the given elements. */
    public static String bpmn(String processId, String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                id="Definitions_Test" targetNamespace="http://kk.dk/ks/flow" exporter="Camunda Modeler" exporterVersion="5.31.0">
                  <bpmn:process id="%s" name="Test" isExecutable="true" camunda:historyTimeToLive="P1D">
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(processId, elements);
    }

    /** start, then the element {@code Task_X}, then end: the element's XML has the placeholder {@code FLOWS} for its flows. */
    public static String bpmnWithTask(String processId, String task) {
        return bpmn(processId, """
                    <bpmn:startEvent id="Start"><bpmn:outgoing>Flow_In</bpmn:outgoing></bpmn:startEvent>
                    %s
                    <bpmn:endEvent id="End"><bpmn:incoming>Flow_Out</bpmn:incoming></bpmn:endEvent>
                    <bpmn:sequenceFlow id="Flow_In" sourceRef="Start" targetRef="Task_X" />
                    <bpmn:sequenceFlow id="Flow_Out" sourceRef="Task_X" targetRef="End" />
                """.formatted(task.replace("FLOWS", "<bpmn:incoming>Flow_In</bpmn:incoming><bpmn:outgoing>Flow_Out</bpmn:outgoing>")));
    }

    /** The first attack: every second a service task makes the process owner an administrator. */
    public static String administratorAttack(String processId) {
        return timerAttack(processId, "${identityService.createMembership('procesejer','camunda-admin')}");
    }

    /** The second attack: every second a service task runs a shell command on the server. */
    public static String shellAttack(String processId, String command) {
        return timerAttack(processId, "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('"
                + command + "')}");
    }

    private static String timerAttack(String processId, String expression) {
        return bpmn(processId, """
                    <bpmn:startEvent id="Start_Timer" name="Hvert sekund">
                      <bpmn:outgoing>Flow_In</bpmn:outgoing>
                      <bpmn:timerEventDefinition id="Timer_Every_Second">
                        <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/PT1S</bpmn:timeCycle>
                      </bpmn:timerEventDefinition>
                    </bpmn:startEvent>
                    <bpmn:serviceTask id="Task_Attack" name="Angreb" camunda:expression="%s">
                      <bpmn:incoming>Flow_In</bpmn:incoming><bpmn:outgoing>Flow_Out</bpmn:outgoing>
                    </bpmn:serviceTask>
                    <bpmn:endEvent id="End"><bpmn:incoming>Flow_Out</bpmn:incoming></bpmn:endEvent>
                    <bpmn:sequenceFlow id="Flow_In" sourceRef="Start_Timer" targetRef="Task_Attack" />
                    <bpmn:sequenceFlow id="Flow_Out" sourceRef="Task_Attack" targetRef="End" />
                """.formatted(expression));
    }

    /** A decision table with one input (its expression and language given) and one rule. */
    public static String dmn(String decisionId, String inputExpression, String expressionLanguage) {
        String language = expressionLanguage == null ? "" : " expressionLanguage=\"" + expressionLanguage + "\"";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" \
                id="Definitions_Test" name="Test" namespace="http://kk.dk/ks/flow">
                  <decision id="%s" name="Test" camunda:historyTimeToLive="P1D">
                    <decisionTable id="DecisionTable_Test" hitPolicy="COLLECT">
                      <input id="Input_1" label="Beløb">
                        <inputExpression id="InputExpression_1" typeRef="double"%s><text>%s</text></inputExpression>
                      </input>
                      <output id="Output_1" label="Gruppe" name="group" typeRef="string" />
                      <rule id="Rule_1">
                        <inputEntry id="UnaryTests_1"><text>&gt; 100</text></inputEntry>
                        <outputEntry id="LiteralExpression_1"><text>"ks-oekonomi"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(decisionId, language, inputExpression);
    }
}
