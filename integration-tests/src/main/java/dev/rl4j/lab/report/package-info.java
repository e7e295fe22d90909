/** Self-contained HTML reports of rl4j-lab runs: charts rendered by XChart to PNG and embedded as data URIs. */
package dev.rl4j.lab.report;
