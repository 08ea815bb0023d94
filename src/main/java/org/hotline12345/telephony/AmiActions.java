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

/**
 * The actions the service asks of Asterisk, each bounded in time. Those that may safely be repeated (queue
 * membership, pauses) are retried when Asterisk does not answer; calls placed or moved are not, since a repeat could
 * ring a citizen twice. An action Asterisk refuses is a conflict naming Asterisk's reason.
 */
@ApplicationScoped
public class AmiActions {

    @Inject
    AmiClient ami;

    @Timeout(8000)
    @Retry(maxRetries = 2, delay = 300, retryOn = ServiceUnavailableException.class)
    public void addMember(String queue, String device, String username) {
        QueueAddAction action = new QueueAddAction(queue, device);
        action.setMemberName(username);
        action.setStateInterface(device);
        action.setPaused(false);
        ManagerResponse response = ami.send(action);
        // already a member (a repeated login): what was asked holds
        if (isError(response) && !message(response).contains("Already there")) {
            throw refused(action, response);
        }
    }

    @Timeout(8000)
    @Retry(maxRetries = 2, delay = 300, retryOn = ServiceUnavailableException.class)
    public void removeMember(String queue, String device) {
        QueueRemoveAction action = new QueueRemoveAction(queue, device);
        ManagerResponse response = ami.send(action);
        if (isError(response) && !message(response).contains("Not there")) {
            throw refused(action, response);
        }
    }

    /** Pauses or unpauses the phone in every queue it is a member of. */
    @Timeout(8000)
    @Retry(maxRetries = 2, delay = 300, retryOn = ServiceUnavailableException.class)
    public void pause(String device, boolean paused, String reason) {
        QueuePauseAction action = new QueuePauseAction(device, paused);
        action.setReason(reason);
        expectSuccess(action);
    }

    @Timeout(8000)
    public void originate(String actionId, String channelId, String channel, String context, String exten,
            String callerId, long timeoutMillis, Map<String, String> variables) {
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
        expectSuccess(action);
    }

    /** Rings {@code channel} and connects it to a dialplan application, e.g. ChanSpy for listening in. */
    @Timeout(8000)
    public void originateApplication(String channel, String application, String data, String callerId,
            long timeoutMillis) {
        OriginateAction action = new OriginateAction();
        action.setChannel(channel);
        action.setApplication(application);
        action.setData(data);
        action.setCallerId(callerId);
        action.setTimeout(timeoutMillis);
        action.setAsync(true);
        expectSuccess(action);
    }

    /** Moves a channel, and optionally a second one with it, to a dialplan extension. */
    @Timeout(8000)
    public void redirect(String channel, String extraChannel, String context, String exten) {
        RedirectAction action = new RedirectAction(channel, context, exten, 1);
        if (extraChannel != null) {
            action.setExtraChannel(extraChannel);
            action.setExtraContext(context);
            action.setExtraExten(exten);
            action.setExtraPriority(1);
        }
        expectSuccess(action);
    }

    private void expectSuccess(ManagerAction action) {
        ManagerResponse response = ami.send(action);
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
