package io.lumasync.store;

/** What a job does at its destination. */
public enum JobAction {
    CREATE, REPLACE, METADATA, DELETE
}
