package dk.kk.ks.flow.dismissal;

import static dk.kk.ks.flow.dismissal.DismissalVariables.*;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Beregn opsigelsesvarsel": notice is given today; the notice period, termination date and severance follow. */
@Component("calculateNotice")
class CalculateNoticeDelegate implements JavaDelegate {

    private final NoticeCalculator calculator;
    private final Clock clock;

    CalculateNoticeDelegate(NoticeCalculator calculator, Clock clock) {
        this.calculator = calculator;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate noticeDate = LocalDate.now(clock);
        NoticeCalculation notice = calculator.calculate(LocalDate.parse(HIRE_DATE.require(execution)), noticeDate,
                Boolean.TRUE.equals(PROBATION.get(execution)));
        NOTICE_DATE.set(execution, noticeDate.toString());
        TERMINATION_DATE.set(execution, notice.terminationDate().toString());
        NOTICE_MONTHS.set(execution, notice.noticeMonths());
        NOTICE_DAYS.set(execution, notice.noticeDays());
        SEVERANCE_MONTHS.set(execution, notice.severanceMonths());
    }
}
