package io.jgrad.nn.loss;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * What jgrad's nn layer logged (its misuse warnings) during the current test:
 * {@code @RegisterExtension final WarningLog log = new WarningLog();}, then {@code log.messages()}.
 */
final class WarningLog implements BeforeEachCallback, AfterEachCallback {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        appender.start();
        logger().addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger().detachAppender(appender);
        appender.stop();
    }

    /** The formatted messages logged so far in this test, oldest first. */
    List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger("io.jgrad.nn");
    }
}
