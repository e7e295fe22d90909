package dev.rl4j.diagnostics;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class LogReporterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void infoLinesAreLimitedToOnePerInterval() {
        Logger logger = mock(Logger.class);
        AtomicLong now = new AtomicLong();
        LogReporter reporter = new LogReporter(logger, 30 * SECOND, now::get);

        reporter.accept(SinksTest.record(0, 1.0));
        now.addAndGet(10 * SECOND);
        reporter.accept(SinksTest.record(0, 1.0));
        now.addAndGet(10 * SECOND);
        reporter.accept(SinksTest.record(0, 1.0));
        verify(logger, times(1)).info(anyString(), any(Object[].class));

        now.addAndGet(11 * SECOND);
        reporter.accept(SinksTest.record(0, 1.0));
        verify(logger, times(2)).info(anyString(), any(Object[].class));
    }

    @Test
    void aWarningIsLoggedOnlyWhenAFindingBecomesActive() {
        Logger logger = mock(Logger.class);
        LogReporter reporter = new LogReporter(logger, 0, () -> 0L);

        reporter.accept(SinksTest.record(0, 1.0)); // no active finding
        verify(logger, never()).warn(anyString(), any(Object[].class));
        reporter.accept(SinksTest.record(1, 1.0)); // becomes active
        reporter.accept(SinksTest.record(2, 1.0)); // still active: no new warning
        reporter.accept(SinksTest.record(3, 1.0));

        verify(logger, times(1)).warn(anyString(), any(Object[].class));
        reporter.accept(SinksTest.record(0, 1.0)); // cleared
        verify(logger, times(1)).info(eq("ntk finding {} cleared at update {}"), any(), any());
    }
}
