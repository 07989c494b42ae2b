package org.rectifywatch.sink.notify.channel;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import org.rectifywatch.sink.notify.config.ChannelConfig;
import org.rectifywatch.sink.notify.config.EmailSettings;
import org.rectifywatch.sink.notify.digest.Digest;
import org.rectifywatch.sink.notify.digest.DigestText;

/**
 * Sends digests by SMTP (Jakarta Mail): one message per digest, plain text and HTML alternatives of the same
 * markdown, the digest id in {@code Idempotency-Key} and {@code X-Idempotency-Key} headers. Refused recipients and
 * failed authentication are refusals; everything else (server unreachable, 4xx) is retried.
 */
public final class EmailSender implements ChannelSender {
    private final ChannelConfig channel;
    private final EmailSettings mail;
    private final Session session;
    private final String dashboardUrl;
    private final InternetAddress from;
    private final Address[] to;

    public EmailSender(ChannelConfig channel, Duration timeout, String dashboardUrl) {
        this.channel = channel;
        this.mail = channel.email();
        this.dashboardUrl = dashboardUrl;
        Properties p = new Properties();
        String proto = mail.ssl() ? "smtps" : "smtp";
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", mail.host());
        p.put("mail." + proto + ".port", String.valueOf(mail.port()));
        p.put("mail." + proto + ".auth", String.valueOf(mail.username() != null));
        p.put("mail." + proto + ".starttls.enable", String.valueOf(mail.startTls()));
        p.put("mail." + proto + ".connectiontimeout", String.valueOf(timeout.toMillis()));
        p.put("mail." + proto + ".timeout", String.valueOf(timeout.toMillis()));
        p.put("mail." + proto + ".writetimeout", String.valueOf(timeout.toMillis()));
        this.session = Session.getInstance(p);
        try {
            this.from = new InternetAddress(mail.from(), true);
            this.to = new Address[mail.to().size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(mail.to().get(i), true);
            }
        } catch (AddressException e) {
            throw new IllegalArgumentException("configuration sink.channel." + channel.name() + ".from/.to has an invalid address: "
                    + e.getMessage());
        }
    }

    @Override
    public String describe() {
        return channel.describe();
    }

    @Override
    public Outcome send(Digest d) {
        String title = DigestText.title(d);
        String md = DigestText.markdown(d, dashboardUrl);
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(from);
            m.setRecipients(Message.RecipientType.TO, to);
            m.setSubject(title, "UTF-8");
            m.setSentDate(new Date());
            m.setHeader("Idempotency-Key", d.id());
            m.setHeader("X-Idempotency-Key", d.id());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(DigestText.plain(md), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(DigestText.html(title, md), "UTF-8", "html");
            m.setContent(new MimeMultipart("alternative", text, html));
            m.saveChanges();
            Transport t = session.getTransport();
            try {
                t.connect(mail.host(), mail.port(), mail.username(), mail.password());
                t.sendMessage(m, m.getAllRecipients());
            } finally {
                t.close();
            }
            return Outcome.DELIVERED;
        } catch (AuthenticationFailedException e) {
            return Outcome.refused("SMTP authentication failed for " + mail.username() + ": check sink.channel." + channel.name()
                    + ".smtp.username/.smtp.password");
        } catch (SendFailedException e) {
            if (e.getValidSentAddresses() == null && e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                return Outcome.refused("SMTP server refused the recipients: " + e.getMessage());
            }
            return Outcome.retry("SMTP: " + e.getMessage());
        } catch (MessagingException e) {
            return Outcome.retry("SMTP " + mail.host() + ":" + mail.port() + ": " + e.getMessage());
        }
    }
}
