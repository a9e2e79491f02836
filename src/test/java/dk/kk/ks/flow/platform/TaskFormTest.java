package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/** Which variables a task's form lets a completion set, and when a read-only field comes back unchanged. */
class TaskFormTest {

    @Test
    void theApprovalFormSetsItsKeyedFieldsAndShowsTheRestReadOnly() throws IOException {
        TaskForm form;
        try (InputStream in = TaskFormTest.class.getResourceAsStream("/invoice-payout-approval.form")) {
            form = TaskForm.parse(in);
        }

        assertThat(form.field("approved")).hasValueSatisfying(field -> assertThat(field.readOnly()).isFalse());
        assertThat(form.field("comment")).hasValueSatisfying(field -> assertThat(field.readOnly()).isFalse());
        assertThat(form.field("requestedByName")).hasValueSatisfying(field -> assertThat(field.readOnly()).isTrue());
        assertThat(form.field("amountText")).hasValueSatisfying(field -> assertThat(field).isEqualTo(new TaskForm.Field("textfield", true)));
        assertThat(form.field("requestedBy")).isEmpty();
        assertThat(form.field("approvedBy")).isEmpty();
        assertThat(form.field("approverGroups")).isEmpty();
        assertThat(TaskForm.none().field("approved")).isEmpty();
    }

    @Test
    void anExpressionOrDisabledMakesAFieldReadOnlyAndGroupsAndPathsNameTheirVariable() throws IOException {
        TaskForm form = TaskForm.parse(json("""
                {"components": [
                  {"type": "textfield", "key": "maybe", "readonly": "=approved"},
                  {"type": "textfield", "key": "off", "disabled": true},
                  {"type": "textfield", "key": "open", "readonly": false},
                  {"type": "textfield", "key": "address.street"},
                  {"type": "group", "path": "employee", "components": [{"type": "textfield", "key": "name", "readonly": true}]},
                  {"type": "textfield", "key": "twice", "readonly": true},
                  {"type": "textarea", "key": "twice"},
                  {"type": "text", "text": "## Overskrift"}
                ]}"""));

        assertThat(form.field("maybe").orElseThrow().readOnly()).isTrue();
        assertThat(form.field("off").orElseThrow().readOnly()).isTrue();
        assertThat(form.field("open").orElseThrow().readOnly()).isFalse();
        assertThat(form.field("address").orElseThrow().readOnly()).isFalse();
        assertThat(form.field("employee").orElseThrow().readOnly()).isTrue();
        assertThat(form.field("name")).isEmpty();
        assertThat(form.field("twice").orElseThrow().readOnly()).isFalse();
    }

    @Test
    void aReadOnlyFieldIsUnchangedWhenItComesBackAsTheFormShowsIt() {
        TaskForm.Field text = new TaskForm.Field("textfield", true);
        TaskForm.Field area = new TaskForm.Field("textarea", true);
        TaskForm.Field number = new TaskForm.Field("number", true);
        TaskForm.Field checkbox = new TaskForm.Field("checkbox", true);

        assertThat(text.unchanged("anna", "anna")).isTrue();
        assertThat(text.unchanged("anna", "bo")).isFalse();
        assertThat(text.unchanged(12500.0, "12500")).isTrue();
        assertThat(text.unchanged(12500.5, "12500.5")).isTrue();
        assertThat(text.unchanged("Linje 1\nLinje 2", "Linje 1 Linje 2")).isTrue();
        assertThat(area.unchanged("Linje 1\nLinje 2", "Linje 1 Linje 2")).isFalse();
        assertThat(area.unchanged("Linje 1\nLinje 2", "Linje 1\nLinje 2")).isTrue();
        assertThat(text.unchanged(null, "")).isTrue();
        assertThat(text.unchanged(null, "bo")).isFalse();
        assertThat(number.unchanged(300000.0, 300000)).isTrue();
        assertThat(number.unchanged(300000.0, 300000.01)).isFalse();
        assertThat(number.unchanged(300000.0, "300000")).isFalse();
        assertThat(checkbox.unchanged(null, false)).isTrue();
        assertThat(checkbox.unchanged(null, true)).isFalse();
    }

    @Test
    void jsonIsComparedAsJsonWhateverItsSpacing() {
        TaskForm.Field list = new TaskForm.Field("taglist", true);
        Object stored = TaskForm.plain(SpinValues.jsonValue("[\"bo\", \"demo\"]").create());

        assertThat(list.unchanged(stored, TaskForm.plain(SpinValues.jsonValue("[\"bo\",\"demo\"]").create()))).isTrue();
        assertThat(list.unchanged(stored, TaskForm.plain(SpinValues.jsonValue("[]").create()))).isFalse();
        assertThat(list.unchanged(stored, TaskForm.plain(Variables.untypedNullValue()))).isFalse();
    }

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
