/** Training runs of rl4j-lab: CartPole through RL4J's own learners, with episode records for reports and regressions. */
package dev.rl4j.lab.run;
