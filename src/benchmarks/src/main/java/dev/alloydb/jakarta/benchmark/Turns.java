package dev.alloydb.jakarta.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The order in which the clients (or servers, or boots) of a section take their turns in each trial, so that load
 * from elsewhere on the machine, and whatever one leaves behind for the next, hits all of them alike.
 */
final class Turns {
  private Turns() {
  }

  /**
   * The order of trial {@code trial}: the list rotated by one place every two trials, and reversed in every odd
   * trial, so that over twice as many trials as there are entries each takes every place twice and follows two
   * different entries. In one JVM the pool that runs first after a change of workload pays for the loop's
   * recompilation, which a fixed order charges to the same pool every time; and rotation alone keeps the cyclic
   * order, so each entry would always run right after the same other one (and inherit, say, the database's cleanup
   * of that one's updates).
   */
  static <T> List<T> inTurn(List<T> entries, int trial) {
    List<T> order = new ArrayList<>(entries);
    Collections.rotate(order, -((trial / 2) % Math.max(1, order.size())));
    if (trial % 2 == 1) {
      Collections.reverse(order);
    }
    return order;
  }
}
