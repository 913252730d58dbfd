package dev.csrlab.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.train.MetricEvent;
import dev.csrlab.train.RunKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventQueueTest {
  @Test
  void drainReturnsEverythingInOrderWithItsTrainingThreadTime() {
    AtomicLong clock = new AtomicLong(100);
    EventQueue q = new EventQueue(clock::getAndIncrement);
    RunKey k = new RunKey("continuous", 0);
    q.onMetric(new MetricEvent(k, "Metric/Peak_Shock", 5, 0.1));
    q.log("hello");
    q.onMetric(new MetricEvent(k, "Accuracy/Test", 9, 0.98));
    List<EventQueue.Stamped> batch = q.drain();
    assertEquals(3, batch.size());
    assertEquals(100, batch.get(0).nanos());
    assertEquals(new EventQueue.LogLine("hello"), batch.get(1).event());
    assertEquals(102, batch.get(2).nanos());
    assertTrue(q.drain().isEmpty());
  }

  @Test
  void producersOnAnotherThreadLoseNothing() throws Exception {
    EventQueue q = new EventQueue();
    Thread t = new Thread(() -> {
      for (int i = 0; i < 10_000; i++) {
        q.log("line " + i);
      }
    });
    t.start();
    int seen = 0;
    while (t.isAlive() || !q.isEmpty()) {
      seen += q.drain().size();
    }
    t.join();
    assertEquals(10_000, seen + q.drain().size());
  }
}
