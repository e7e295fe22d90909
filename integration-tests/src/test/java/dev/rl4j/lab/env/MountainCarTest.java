package dev.rl4j.lab.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** MountainCar-v0: hand-derived steps, gym's printed trajectory (docs/results.md) and the equations' bounds. */
class MountainCarTest {

    @Test
    void theFirstStepMatchesTheHandDerivedValue() {
        // v1 = 0 + (2 - 1) 0.001 - 0.0025 cos(-1.5) = 0.001 - 0.0025 * 0.0707372016677029 = 0.000823156995830743
        // x1 = -0.5 + v1 = -0.499176843004169257
        MountainCar car = new MountainCar();
        car.setState(-0.5, 0.0);
        Transition t = car.step(2);
        assertThat(car.state()).containsExactly(new double[] {-0.499176843004169257, 0.000823156995830743},
                within(1e-15));
        assertThat(t.reward()).isEqualTo(-1.0);
        assertThat(t.terminal()).isFalse();
        assertThat(t.observation()).containsExactly(car.state());
    }

    @Test
    void aFixedActionSequenceFollowsGymsTrajectory() {
        double[][] gym = { // gym's mountain_car.py from (-0.5, 0), actions 2 2 0 1 2
            {-0.49917684300416926, 0.0008231569958307428},
            {-0.49753668667935325, 0.0016401563248160246},
            {-0.4970917969323474, 0.00044488974700586273},
            {-0.49684550006784745, 0.0002462968644999427},
            {-0.4957996374204934, 0.0010458626473540712},
        };
        MountainCar car = new MountainCar();
        car.setState(-0.5, 0.0);
        int[] actions = {2, 2, 0, 1, 2};
        for (int i = 0; i < actions.length; i++) {
            car.step(actions[i]);
            assertThat(car.state()).as("step %d", i).containsExactly(gym[i], within(1e-15));
        }
    }

    @Test
    void velocityIsClippedAtSevenHundredths() {
        MountainCar car = new MountainCar();
        car.setState(-Math.PI / 6, 0.0695); // cos(3x) = 0: v would be 0.0705
        car.step(2);
        assertThat(car.state()[1]).isEqualTo(MountainCar.MAX_SPEED);
        assertThat(car.state()[0]).isCloseTo(-Math.PI / 6 + 0.07, within(1e-15));
    }

    @Test
    void theLeftWallStopsTheCar() {
        // v = -0.05 - 0.001 - 0.0025 cos(-3.57) = -0.04873; x = -1.2387 -> clipped to -1.2, and v < 0 becomes 0
        MountainCar car = new MountainCar();
        car.setState(-1.19, -0.05);
        Transition t = car.step(0);
        assertThat(car.state()).containsExactly(-1.2, 0.0);
        assertThat(t.terminal()).isFalse();
    }

    @Test
    void reachingTheGoalWithNonNegativeVelocityIsTerminalAndStillCostsOne() {
        MountainCar car = new MountainCar();
        car.setState(0.49, 0.02); // v = 0.02 - 0.0025 cos(1.47) > 0, x = 0.49 + v > 0.5
        Transition t = car.step(1);
        assertThat(t.terminal()).isTrue();
        assertThat(t.reward()).isEqualTo(-1.0);
        car.setState(0.59, 0.07);
        car.step(2);
        assertThat(car.state()[0]).isEqualTo(MountainCar.MAX_POSITION);
        car.setState(0.52, -0.005); // past the goal but moving back: v stays negative, not terminal
        assertThat(car.step(0).terminal()).isFalse();
    }

    @Property(tries = 500)
    void everyStepKeepsTheBounds(@ForAll @DoubleRange(min = -1.2, max = 0.6) double x,
            @ForAll @DoubleRange(min = -0.07, max = 0.07) double v, @ForAll @IntRange(min = 0, max = 2) int action) {
        MountainCar car = new MountainCar();
        car.setState(x, v);
        Transition t = car.step(action);
        double x1 = car.state()[0];
        double v1 = car.state()[1];
        assertThat(x1).isBetween(MountainCar.MIN_POSITION, MountainCar.MAX_POSITION);
        assertThat(v1).isBetween(-MountainCar.MAX_SPEED, MountainCar.MAX_SPEED);
        if (x1 == MountainCar.MIN_POSITION) {
            assertThat(v1).isGreaterThanOrEqualTo(0.0);
        } else {
            assertThat(Math.abs(v1 - v)).isLessThanOrEqualTo(MountainCar.FORCE + MountainCar.GRAVITY + 1e-15);
        }
        assertThat(t.reward()).isEqualTo(-1.0);
        assertThat(t.terminal()).isEqualTo(x1 >= 0.5 && v1 >= 0);
    }

    @Test
    void resetDrawsPositionUniformlyBetweenMinusPointSixAndMinusPointFourAtRest() {
        MountainCar car = new MountainCar();
        Random random = new Random(5);
        double min = 0;
        double max = -1;
        for (int n = 0; n < 2000; n++) {
            double[] o = car.reset(random);
            assertThat(o[0]).isBetween(-0.6, -0.4);
            assertThat(o[1]).isZero();
            min = Math.min(min, o[0]);
            max = Math.max(max, o[0]);
        }
        assertThat(min).isLessThan(-0.59); // a gap > 0.01 at an end of 2000 draws: probability 0.95^2000 ~ 3e-45
        assertThat(max).isGreaterThan(-0.41);
    }

    @Test
    void anActionOutsideTheSetIsRejectedWithItsRange() {
        assertThatThrownBy(() -> new MountainCar().step(-1)).hasMessage("action must be in [0, 2], got -1");
    }
}
