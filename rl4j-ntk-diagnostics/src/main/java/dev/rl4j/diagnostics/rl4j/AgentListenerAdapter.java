package dev.rl4j.diagnostics.rl4j;

import dev.rl4j.diagnostics.DiagnosticsConfig;
import dev.rl4j.diagnostics.NtkMonitor;
import dev.rl4j.diagnostics.Transition;
import dev.rl4j.internals.Rl4jInternals;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.agent.Agent;
import org.deeplearning4j.rl4j.agent.listener.AgentListener;
import org.deeplearning4j.rl4j.environment.StepResult;
import org.deeplearning4j.rl4j.observation.Observation;

/**
 * Builder pipeline adapter ({@code AgentLearner}): keeps each observed transition in the monitor's bounded reservoir
 * and probes after the first step at which the {@code ProbeSchedule} says a probe is due (by default: the first step
 * after the learner's first update) and the reservoir holds a transition.
 *
 * <p>An agent listener's STOP ends only the current episode, so it is delivered once; returning it on every later
 * callback would end each new episode before its first step, and a SyncTrainer whose predicate counts steps would
 * then loop forever. The run itself ends through {@code NtkDiagnostics.orStopRequested}.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class AgentListenerAdapter implements AgentListener<Integer> {

    private final NtkMonitor monitor;
    private boolean stopDelivered;
    private double[] pendingState;
    private int pendingAction;

    /** An adapter driving {@code monitor}. */
    public AgentListenerAdapter(NtkMonitor monitor) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    @Override
    public ListenerResponse onBeforeEpisode(Agent agent) {
        monitor.guard("onBeforeEpisode", () -> bind(agent));
        return response();
    }

    @Override
    public ListenerResponse onBeforeStep(Agent agent, Observation observation, Integer action) {
        monitor.guard("onBeforeStep", () -> {
            bind(agent);
            pendingState = observation == null || observation.isSkipped() ? null : ObservationCopy.of(observation);
            pendingAction = action == null ? -1 : action;
        });
        return response();
    }

    @Override
    public ListenerResponse onAfterStep(Agent agent, StepResult stepResult) {
        monitor.guard("onAfterStep", () -> {
            monitor.recordStep(stepResult.getReward());
            Object next = Rl4jInternals.agentObservation(agent).orElse(null);
            if (pendingState != null && pendingAction >= 0 && next instanceof Observation o && !o.isSkipped()) {
                monitor.offer(new Transition(pendingState, pendingAction, stepResult.getReward(), ObservationCopy.of(o),
                        stepResult.isTerminal()));
            }
            pendingState = null;
            long updates = LearnerDiscovery.updateCount(monitor.owner(), monitor.network());
            if (monitor.isProbeDue(updates) && monitor.reservoirSize() > 0) {
                long start = System.nanoTime();
                monitor.probe(monitor.sampleReservoir(), updates, start);
            }
        });
        return response();
    }

    @Override
    public void onAfterEpisode(Agent agent) {
        monitor.recordEpisodeEnd();
    }

    private ListenerResponse response() {
        if (monitor.stopRequested() && !stopDelivered) {
            stopDelivered = true;
            return ListenerResponse.STOP;
        }
        return ListenerResponse.CONTINUE;
    }

    private void bind(Agent<?> agent) {
        if (monitor.isBoundTo(agent)) {
            return;
        }
        DiagnosticsConfig c = monitor.config();
        MultiLayerNetwork net = c.network() != null ? c.network()
                : LearnerDiscovery.agentNetwork(agent).orElseThrow(LearnerDiscovery.REMEDY_NETWORK);
        double gamma = c.gamma() != null ? c.gamma()
                : LearnerDiscovery.agentGamma(agent).orElseThrow(LearnerDiscovery.REMEDY_GAMMA);
        monitor.bind(agent, net, gamma, () -> LearnerDiscovery.stepSizeProvider(agent),
                LearnerDiscovery.targetSyncInterval(agent).orElse(null));
    }
}
