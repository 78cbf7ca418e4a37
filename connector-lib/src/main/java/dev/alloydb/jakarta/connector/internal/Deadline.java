package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.connector.ScheduledTask;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An overall deadline for one step on a socket (TLS handshake, metadata exchange, PostgreSQL start-up): a timer on
 * the connector's scheduler closes the socket when it passes, so a peer that drips a byte now and then cannot keep
 * the step going, which a per-read timeout alone would allow. The read timeout is set to the whole budget as well,
 * in case the timer cannot run. {@link #end()} tells whether the step finished in time; a socket closed by the
 * deadline is never handed on.
 */
final class Deadline {
  private static final System.Logger LOG = System.getLogger(Deadline.class.getName());
  private static final int RUNNING = 0;
  private static final int ENDED = 1;
  private static final int EXPIRED = 2;

  private final Duration budget;
  private final AtomicInteger state = new AtomicInteger(RUNNING);
  private final ScheduledTask timer;

  private Deadline(Socket socket, Duration budget, ConnectorScheduler scheduler) throws SocketException {
    this.budget = budget;
    socket.setSoTimeout(Math.toIntExact(Math.max(1, budget.toMillis())));
    this.timer = arm(socket, budget, scheduler);
  }

  /** Starts the deadline of a step on {@code socket}; the budget is at most an hour (checked by the config). */
  static Deadline start(Socket socket, Duration budget, ConnectorScheduler scheduler) throws SocketException {
    return new Deadline(socket, budget, scheduler);
  }

  private ScheduledTask arm(Socket socket, Duration budget, ConnectorScheduler scheduler) {
    try {
      return scheduler.schedule(() -> {
        if (state.compareAndSet(RUNNING, EXPIRED)) {
          Dialer.closeQuietly(socket);
        }
      }, budget);
    } catch (RejectedExecutionException e) {
      LOG.log(Level.DEBUG, () -> "No deadline timer (" + e.getMessage() + "); the read timeout bounds the step");
      return () -> { };
    }
  }

  /** Whether the deadline passed (the socket is or is being closed). */
  boolean expired() {
    return state.get() == EXPIRED;
  }

  /** Ends the step: true if it finished before the deadline, false if the deadline closed the socket. */
  boolean end() {
    timer.cancel();
    return state.compareAndSet(RUNNING, ENDED);
  }

  Duration budget() {
    return budget;
  }
}
