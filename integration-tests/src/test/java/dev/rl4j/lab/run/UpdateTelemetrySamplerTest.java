package dev.rl4j.lab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rl4j.lab.report.RunSeries;
import dev.rl4j.preqn.PreQNUpdate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The sampler's windows and rates on fabricated counters (no training). */
class UpdateTelemetrySamplerTest {

    private static PreQNUpdate update(long index, PreQNUpdate.Outcome outcome, int trials, double fraction, double cond) {
        return new PreQNUpdate(index, 128, outcome, new PreQNUpdate.TdError(0.5, 2.0),
                new PreQNUpdate.KernelSolve(cond, 1e-3, false),
                new PreQNUpdate.LineSearchTrace(trials, 0.7, 0.96, fraction), PreQNUpdate.Timing.NONE,
                new PreQNUpdate.StepEffect(0.09, 0.4), 0);
    }

    @Test
    void samplesOncePerWindowWithRatesCountedOverTheWholeWindow() {
        UpdateTelemetrySampler sampler = new UpdateTelemetrySampler(100);
        AtomicInteger reads = new AtomicInteger();
        Supplier<PreQNUpdate> last = () -> {
            reads.incrementAndGet();
            return update(reads.get(), PreQNUpdate.Outcome.ACCEPTED, 3, 0.9025, 1e6);
        };
        assertThat(sampler.offer(50, 40, 1, 0, 0, last)).isFalse();
        assertThat(sampler.offer(130, 120, 6, 2, 0, last)).isTrue();        // window 120: 6 failed, 2 skipped
        assertThat(sampler.offer(180, 190, 9, 2, 0, last)).isFalse();       // 70 since the sample
        assertThat(sampler.offer(260, 320, 16, 2, 1, last)).isTrue();       // window 200: 10 failed, 1 solve failure
        assertThat(reads).hasValue(2);                                       // lastUpdate read only when due

        assertThat(sampler.samples()).hasSize(2);
        RunSeries.UpdateSample a = sampler.samples().get(0);
        assertThat(a.step()).isEqualTo(130);
        assertThat(a.updates()).isEqualTo(120);
        assertThat(a.windowUpdates()).isEqualTo(120);
        assertThat(a.lineSearchFailRate()).isEqualTo(6.0 / 120);
        assertThat(a.skippedRate()).isEqualTo(2.0 / 120);
        assertThat(a.solveFailedRate()).isZero();
        RunSeries.UpdateSample b = sampler.samples().get(1);
        assertThat(b.windowUpdates()).isEqualTo(200);
        assertThat(b.lineSearchFailRate()).isEqualTo(10.0 / 200);
        assertThat(b.skippedRate()).isZero();
        assertThat(b.solveFailedRate()).isEqualTo(1.0 / 200);
        assertThat(b.outcome()).isEqualTo("ACCEPTED");
        assertThat(b.trials()).isEqualTo(3);
        assertThat(b.stepFraction()).isEqualTo(0.9025);
        assertThat(b.conditionNumber()).isEqualTo(1e6);
        assertThat(b.lambda()).isEqualTo(1e-3);
        assertThat(b.tdClosed()).isEqualTo(0.09);
        assertThat(b.bootOverDq()).isEqualTo(0.4);
    }

    @Test
    void anUpdateThatLeftThetaUnchangedIsSampledWithStepFractionZeroAndNoTdClosed() {
        UpdateTelemetrySampler sampler = new UpdateTelemetrySampler(1);
        PreQNUpdate rejected = new PreQNUpdate(1, 128, PreQNUpdate.Outcome.REJECTED, new PreQNUpdate.TdError(1, 3),
                new PreQNUpdate.KernelSolve(1e8, 0.01, true), new PreQNUpdate.LineSearchTrace(10, 0.1, 0.2, 0.6),
                PreQNUpdate.Timing.NONE);
        assertThat(sampler.offer(10, 1, 1, 0, 0, () -> rejected)).isTrue();
        RunSeries.UpdateSample s = sampler.samples().get(0);
        assertThat(s.outcome()).isEqualTo("REJECTED");
        assertThat(s.lineSearchFailRate()).isEqualTo(1.0);
        assertThat(s.stepFraction()).isZero();
        assertThat(s.tdClosed()).isNaN();
    }

    @Test
    void rejectsANonPositiveWindow() {
        assertThatThrownBy(() -> new UpdateTelemetrySampler(0)).hasMessageContaining("every must be >= 1")
                .hasMessageContaining("0");
    }
}
