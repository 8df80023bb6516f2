package io.lumasync.core;

/** The request or the saved configuration is wrong (unknown name, missing field): the user must change it. */
public class ConfigurationException extends LumasyncException {
    public ConfigurationException(String userMessage) {
        super(ErrorKind.UNAVAILABLE, userMessage);
    }
}
