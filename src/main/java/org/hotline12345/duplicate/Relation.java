package org.hotline12345.duplicate;

/** What the agent does with an offered duplicate when registering the new request. */
public enum Relation {
    /** 并单: the new work order closes as merged into the existing one */
    MERGE,
    /** 关联: the new work order goes on and records the existing one; the citizen is told of its number */
    LINK
}
