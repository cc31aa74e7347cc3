package org.jykka.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what one logger receives. System.Logger goes to java.util.logging when nothing else is
 * installed, so the test listens there.
 */
public final class LogRecords extends Handler implements AutoCloseable {
    public final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger;
    private final Level oldLevel;

    private LogRecords(String name) {
        this.logger = Logger.getLogger(name);
        this.oldLevel = logger.getLevel();
        logger.setLevel(Level.ALL);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    public static LogRecords of(Class<?> type) {
        return new LogRecords(type.getName());
    }

    public boolean has(Level level, String fragment) {
        return records.stream().anyMatch(r -> r.getLevel().equals(level) && r.getMessage().contains(fragment));
    }

    public LogRecord find(Level level, String fragment) {
        return records.stream()
                .filter(r -> r.getLevel().equals(level) && r.getMessage().contains(fragment))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + level + " record containing '" + fragment + "' in "
                        + records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList()));
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(oldLevel);
    }
}
