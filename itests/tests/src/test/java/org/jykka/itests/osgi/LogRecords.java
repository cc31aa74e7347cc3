package org.jykka.itests.osgi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Captures what the extender logs. Jykka logs through {@code System.Logger}, which, with no other
 * finder installed, is {@code java.util.logging}: one backend for the whole JVM, framework included.
 */
final class LogRecords implements AutoCloseable {
    private final Logger logger; // held: java.util.logging forgets loggers nobody references
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    LogRecords(String loggerName) {
        logger = Logger.getLogger(loggerName);
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    /** The messages logged at {@code level} or above. */
    List<String> atLeast(Level level) {
        return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue())
                .map(LogRecord::getMessage).collect(Collectors.toList());
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
