package dev.alloydb.jakarta.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The order in which the benchmark's clients take their turns ({@link Turns}). */
class TurnsTest {

  @Test
  void overTwiceAsManyTrialsAsEntriesEachTakesEveryPlaceTwiceAndFollowsTwoOthers() {
    List<String> clients = List.of("ours", "google", "pgjdbc", "nometrics");
    Map<String, Map<Integer, Integer>> places = new HashMap<>();
    Map<String, Set<String>> predecessors = new HashMap<>();
    for (int trial = 0; trial < 2 * clients.size(); trial++) {
      List<String> order = Turns.inTurn(clients, trial);
      assertThat(order).containsExactlyInAnyOrderElementsOf(clients);
      for (int place = 0; place < order.size(); place++) {
        places.computeIfAbsent(order.get(place), c -> new HashMap<>()).merge(place, 1, Integer::sum);
        if (place > 0) {
          predecessors.computeIfAbsent(order.get(place), c -> new HashSet<>()).add(order.get(place - 1));
        }
      }
    }
    for (String client : clients) {
      assertThat(places.get(client)).as(client).containsOnlyKeys(0, 1, 2, 3).allSatisfy((place, times) ->
          assertThat(times).as(client + " at place " + place).isEqualTo(2));
      assertThat(predecessors.get(client)).as("who runs right before " + client).hasSize(2);
    }
  }

  @Test
  void twoEntriesAlternate() {
    List<String> servers = List.of("ra", "native");
    assertThat(Turns.inTurn(servers, 0)).containsExactly("ra", "native");
    assertThat(Turns.inTurn(servers, 1)).containsExactly("native", "ra");
    assertThat(Turns.inTurn(servers, 2)).containsExactly("native", "ra");
    assertThat(Turns.inTurn(servers, 3)).containsExactly("ra", "native");
  }
}
