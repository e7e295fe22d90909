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

/**
 * Acrobot-v1 against Gym's own code. The reference values were printed by gym's {@code acrobot.py} (openai/gym at
 * bc212954, the class's {@code step} with {@code state} set as below) under Python 3.11 and NumPy 2.4; the script is
 * in docs/results.md ("Acrobot and MountainCar reference values").
 */
class AcrobotTest {

    private static final double TOL = 1e-12;

    /** State after each of ten steps from (0.05, -0.03, 0.02, -0.01), actions 0 2 2 1 0 2 0 0 2 2, from gym. */
    private static final double[][] GYM_TEN_STEPS = {
        {0.06046159233179129, -0.05839873926004771, 0.0814760773903368, -0.26719409203149896},
        {0.05408430617721313, -0.06363100040473232, -0.14378020437242242, 0.21417957829212814},
        {0.005794505197466791, 0.022606124673628603, -0.32639491227678974, 0.6253862639683475},
        {-0.056239750645697105, 0.13933473252134565, -0.2778390355149062, 0.512364558198725},
        {-0.0863284376746757, 0.1829146901062409, -0.016207546016507868, -0.08738235641400094},
        {-0.08894653851435512, 0.1734408798271305, -0.009737164223996257, -0.006160943647502928},
        {-0.06370197873642994, 0.11217565681842596, 0.2551038206094726, -0.5920651620164117},
        {0.007545311706221941, -0.0522340011350433, 0.437382001167598, -1.0118487587124156},
        {0.0749050437719796, -0.2042286438678696, 0.21862241305362898, -0.47317535163705104},
        {0.09039514499464067, -0.2326380580584513, -0.06708957378833277, 0.19499324284185804},
    };

    @Test
    void aFixedActionSequenceFollowsGymsTrajectory() {
        Acrobot a = new Acrobot();
        a.setState(0.05, -0.03, 0.02, -0.01);
        int[] actions = {0, 2, 2, 1, 0, 2, 0, 0, 2, 2};
        for (int i = 0; i < actions.length; i++) {
            Transition t = a.step(actions[i]);
            assertThat(a.state()).as("step %d", i).containsExactly(GYM_TEN_STEPS[i], within(TOL));
            assertThat(t.reward()).isEqualTo(-1.0);
            assertThat(t.terminal()).isFalse();
            double[] s = GYM_TEN_STEPS[i];
            assertThat(t.observation()).containsExactly(new double[] {Math.cos(s[0]), Math.sin(s[0]), Math.cos(s[1]),
                Math.sin(s[1]), s[2], s[3]}, within(TOL));
        }
    }

    @Test
    void pumpingWithTheSecondJointReachesTheBarAtGymsStepWithGymsStateAndRewardZero() {
        // gym: a = 2 if dtheta2 > 0 else 0 from (0.05, -0.03, 0.02, -0.01) ends at step index 72; angles wrapped on the way
        String gymActions = "0000000222222200000022222200000022222200000002222222200000000022200000000";
        Acrobot a = new Acrobot();
        a.setState(0.05, -0.03, 0.02, -0.01);
        for (int i = 0; i < gymActions.length(); i++) {
            int action = a.state()[3] > 0 ? 2 : 0;
            assertThat(action).as("action at %d", i).isEqualTo(gymActions.charAt(i) - '0');
            Transition t = a.step(action);
            boolean last = i == gymActions.length() - 1;
            assertThat(t.terminal()).as("terminal at %d", i).isEqualTo(last);
            assertThat(t.reward()).isEqualTo(last ? 0.0 : -1.0);
        }
        assertThat(a.state()).containsExactly(new double[] {1.8226907391004723, 1.9235086356540203, 1.4254957184484531,
            -3.1990399364019177}, within(1e-9));
    }

    @Test
    void velocitiesAreBoundedAndAnglesWrappedAsGymDoes() {
        Acrobot a = new Acrobot();
        a.setState(3.0, -3.0, 12.0, 27.0);
        a.step(2);
        assertThat(a.state()).containsExactly(new double[] {-1.5567289417758703, -3.0856143494045254,
            -1.6528879280413964, 9 * Math.PI}, within(TOL));
        a.setState(-3.1, 3.1, -12.5, -28.0);
        Transition t = a.step(0);
        assertThat(a.state()).containsExactly(new double[] {2.1010298990292053, 1.7359570335182468, 6.479574783512753,
            -9 * Math.PI}, within(TOL));
        assertThat(t.terminal()).isTrue();
        assertThat(t.reward()).isZero();
    }

    @Test
    void hangingAtRestWithoutTorqueIsAnEquilibrium() {
        // exactly zero but for cos(-pi/2) = 6e-17 in double
        assertThat(Acrobot.derivatives(new double[4], 0.0)).containsExactly(new double[4], within(1e-15));
        Acrobot a = new Acrobot();
        a.setState(0, 0, 0, 0);
        for (int i = 0; i < 20; i++) {
            assertThat(a.step(1).observation()).containsExactly(new double[] {1, 0, 1, 0, 0, 0}, within(1e-12));
        }
    }

    @Test
    void wrapAndBoundAreGyms() {
        assertThat(Acrobot.wrap(3.0 + 2 * Math.PI, -Math.PI, Math.PI)).isCloseTo(3.0, within(1e-15));
        assertThat(Acrobot.wrap(-7.0, -Math.PI, Math.PI)).isCloseTo(-7.0 + 2 * Math.PI, within(1e-15));
        assertThat(Acrobot.wrap(1.0, -Math.PI, Math.PI)).isEqualTo(1.0);
        assertThat(Acrobot.bound(50.0, -2, 3)).isEqualTo(3.0);
        assertThat(Acrobot.bound(-50.0, -2, 3)).isEqualTo(-2.0);
    }

    @Property(tries = 300)
    void everyStepKeepsTheBoundsAndRewardsOnlyTheTerminal(@ForAll @DoubleRange(min = -3.14, max = 3.14) double t1,
            @ForAll @DoubleRange(min = -3.14, max = 3.14) double t2,
            @ForAll @DoubleRange(min = -12.56, max = 12.56) double d1,
            @ForAll @DoubleRange(min = -28.27, max = 28.27) double d2, @ForAll @IntRange(min = 0, max = 2) int action) {
        Acrobot a = new Acrobot();
        a.setState(t1, t2, d1, d2);
        Transition t = a.step(action);
        double[] s = a.state();
        assertThat(s[0]).isBetween(-Math.PI, Math.PI);
        assertThat(s[1]).isBetween(-Math.PI, Math.PI);
        assertThat(s[2]).isBetween(-Acrobot.MAX_VEL_1, Acrobot.MAX_VEL_1);
        assertThat(s[3]).isBetween(-Acrobot.MAX_VEL_2, Acrobot.MAX_VEL_2);
        boolean above = -Math.cos(s[0]) - Math.cos(s[0] + s[1]) > 1.0;
        assertThat(t.terminal()).isEqualTo(above);
        assertThat(t.reward()).isEqualTo(above ? 0.0 : -1.0);
        assertThat(t.observation()).hasSize(6);
        assertThat(t.observation()[0] * t.observation()[0] + t.observation()[1] * t.observation()[1])
                .isCloseTo(1.0, within(1e-12));
    }

    @Test
    void resetDrawsEachStateComponentUniformlyInPlusMinusPointOne() {
        Acrobot a = new Acrobot();
        Random random = new Random(3);
        double[] min = {1, 1, 1, 1};
        double[] max = {-1, -1, -1, -1};
        for (int n = 0; n < 2000; n++) {
            double[] o = a.reset(random);
            double[] s = a.state();
            assertThat(o).containsExactly(Math.cos(s[0]), Math.sin(s[0]), Math.cos(s[1]), Math.sin(s[1]), s[2], s[3]);
            for (int i = 0; i < 4; i++) {
                assertThat(s[i]).isBetween(-0.1, 0.1);
                min[i] = Math.min(min[i], s[i]);
                max[i] = Math.max(max[i], s[i]);
            }
        }
        for (int i = 0; i < 4; i++) { // a gap > 0.01 at an end of 2000 uniform draws: probability 0.95^2000 ~ 3e-45
            assertThat(min[i]).isLessThan(-0.09);
            assertThat(max[i]).isGreaterThan(0.09);
        }
    }

    @Test
    void anActionOutsideTheSetIsRejectedWithItsRange() {
        assertThatThrownBy(() -> new Acrobot().step(3)).hasMessage("action must be in [0, 2], got 3");
    }
}
