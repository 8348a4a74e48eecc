package dev.jumbo.platform.messaging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A CloudEvents-framed Kafka record as a consumer sees it: id, type, subject (the user id) and JSON payload. */
public record IncomingEvent(String id, String type, String source, String subject, String time, String payload) {

    /** Reads the CloudEvents headers; a record without an id or type is a poison message. */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null || record.value() == null) {
            throw new PoisonEventException("Record at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " lacks ce_id, ce_type or a value");
        }
        String subject = header(record, "ce_subject");
        return new IncomingEvent(id, type, header(record, "ce_source"), subject == null ? record.key() : subject,
                header(record, "ce_time"), record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
