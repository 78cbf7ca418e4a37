package dev.alloydb.jakarta.ra.outbound;

import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records connection events the way a container's pool would receive them. */
final class RecordingListener implements ConnectionEventListener {

  final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();

  List<Integer> ids() {
    return events.stream().map(ConnectionEvent::getId).toList();
  }

  @Override
  public void connectionClosed(ConnectionEvent event) {
    events.add(event);
  }

  @Override
  public void localTransactionStarted(ConnectionEvent event) {
    events.add(event);
  }

  @Override
  public void localTransactionCommitted(ConnectionEvent event) {
    events.add(event);
  }

  @Override
  public void localTransactionRolledback(ConnectionEvent event) {
    events.add(event);
  }

  @Override
  public void connectionErrorOccurred(ConnectionEvent event) {
    events.add(event);
  }
}
