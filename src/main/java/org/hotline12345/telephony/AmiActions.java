package org.hotline12345.telephony;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.ServiceUnavailableException;
import org.jboss.logging.Logger;

/**
 * The actions the service asks of Asterisk, each bounded in time. Those that may safely be repeated (queue
 * membership, pauses) are retried when Asterisk does not answer; calls placed or moved are not, since a repeat could
 * ring a citizen twice. An action Asterisk refuses is a conflict naming Asterisk's reason. Queue membership and pauses
 * go to every connected server; calls are placed and moved on the server that has them.
 */
@ApplicationScoped
public class AmiActions {

    private static final Logger LOG = Logger.getLogger(AmiActions.class);

    @Inject
    AmiClient ami;

    /**
     * Adds the phone to a queue on every connected server. A server that says it is "already there" (it kept the
     * member through a restart) is read again, so that the board adopts the member as that server has it.
     */
    @Timeout(8000)
    @Retry(maxRetries = 2, delay = 300, retryOn = ServiceUnavailableException.class)
    public void addMember(String queue, String device, String username) {
        QueueAddAction action = addAction(queue, device, username, false);
        ami.sendToAll(action).forEach((server, response) -> {
            if (isError(response)) {
                if (!message(response).contains("Already there")) {
                    throw refused(action, response);
                }
                ami.resynchronise(server);
            }
        });
    }

    @Timeout(8000)
    @Retry(maxRetries = 2, delay = 300, retryOn = ServiceUnavailableException.class)
    public void removeMember(String queue, String device) {
        QueueRemoveAction action = new QueueRemoveAction(queue, device);
        ami.sendToAll(action).values().forEach(response -> {
            if (isError(response) && !message(response).contains("Not there")) {
                throw refused(action, response);
            }
        });
    }

    /** Pauses or unpauses the phone in every queue it is a member of, on every connected server. */
    @Timeout(8000)
    @Retry(maxRetries = 2, delay = 300, retryOn = ServiceUnavailableException.class)
    public void pause(String device, boolean paused, String reason) {
        ami.sendToAll(pauseAction(device, paused, reason)).values().forEach(response -> {
            if (isError(response)) {
                throw refused(new QueuePauseAction(device, paused), response);
            }
        });
    }

    /** Adds the phone to a queue on one server (repairing a server that missed a sign-in); logs a refusal. */
    @Timeout(8000)
    public void addMemberOn(String server, String queue, String device, String username, boolean paused,
            String reason) {
        repair(server, addAction(queue, device, username, paused));
        if (paused && reason != null) {
            repair(server, pauseAction(device, true, reason));
        }
    }

    /** Pauses or unpauses the phone on one server (repairing a server that missed it); logs a refusal. */
    @Timeout(8000)
    public void pauseOn(String server, String device, boolean paused, String reason) {
        repair(server, pauseAction(device, paused, reason));
    }

    /** Removes the phone from a queue on one server (repairing a server that missed a sign-out); logs a refusal. */
    @Timeout(8000)
    public void removeMemberOn(String server, String queue, String device) {
        repair(server, new QueueRemoveAction(queue, device));
    }

    @Timeout(8000)
    public void originate(String server, String actionId, String channelId, String channel, String context,
            String exten, String callerId, long timeoutMillis, Map<String, String> variables) {
        OriginateAction action = new OriginateAction();
        action.setActionId(actionId);
        action.setChannelId(channelId);
        action.setChannel(channel);
        action.setContext(context);
        action.setExten(exten);
        action.setPriority(1);
        action.setCallerId(callerId);
        action.setTimeout(timeoutMillis);
        action.setAsync(true);
        action.setVariables(variables);
        expectSuccess(server, action);
    }

    /** Rings {@code channel} and connects it to a dialplan application, e.g. ChanSpy for listening in. */
    @Timeout(8000)
    public void originateApplication(String server, String channel, String application, String data,
            String callerId, long timeoutMillis) {
        OriginateAction action = new OriginateAction();
        action.setChannel(channel);
        action.setApplication(application);
        action.setData(data);
        action.setCallerId(callerId);
        action.setTimeout(timeoutMillis);
        action.setAsync(true);
        expectSuccess(server, action);
    }

    /** Moves a channel, and optionally a second one with it, to a dialplan extension. */
    @Timeout(8000)
    public void redirect(String server, String channel, String extraChannel, String context, String exten) {
        RedirectAction action = new RedirectAction(channel, context, exten, 1);
        if (extraChannel != null) {
            action.setExtraChannel(extraChannel);
            action.setExtraContext(context);
            action.setExtraExten(exten);
            action.setExtraPriority(1);
        }
        expectSuccess(server, action);
    }

    private static QueueAddAction addAction(String queue, String device, String username, boolean paused) {
        QueueAddAction action = new QueueAddAction(queue, device);
        action.setMemberName(username);
        action.setStateInterface(device);
        action.setPaused(paused);
        return action;
    }

    private static QueuePauseAction pauseAction(String device, boolean paused, String reason) {
        QueuePauseAction action = new QueuePauseAction(device, paused);
        action.setReason(reason);
        return action;
    }

    private void repair(String server, ManagerAction action) {
        try {
            ManagerResponse response = ami.send(server, action);
            if (isError(response)) {
                LOG.warnf("Asterisk %s refused %s: %s", server, action.getAction(), message(response));
            }
        } catch (ServiceUnavailableException e) {
            LOG.warnf("Could not send %s to Asterisk %s: %s", action.getAction(), server, e.getMessage());
        }
    }

    private void expectSuccess(String server, ManagerAction action) {
        ManagerResponse response = ami.send(server, action);
        if (isError(response)) {
            throw refused(action, response);
        }
    }

    private static boolean isError(ManagerResponse response) {
        return response instanceof ManagerError || "Error".equalsIgnoreCase(response.getResponse());
    }

    private static String message(ManagerResponse response) {
        return response.getMessage() == null ? "" : response.getMessage();
    }

    private static ConflictException refused(ManagerAction action, ManagerResponse response) {
        return new ConflictException("Asterisk refused " + action.getAction() + ": " + message(response));
    }
}
