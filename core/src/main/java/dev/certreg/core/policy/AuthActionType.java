package dev.certreg.core.policy;

/** TestAuthorization's {@code actionType} values, with the action each one tests. */
public enum AuthActionType {
    PUBLISH(IotAction.PUBLISH),
    SUBSCRIBE(IotAction.SUBSCRIBE),
    RECEIVE(IotAction.RECEIVE),
    CONNECT(IotAction.CONNECT);

    private final IotAction action;

    AuthActionType(IotAction action) {
        this.action = action;
    }

    public IotAction action() {
        return action;
    }
}
