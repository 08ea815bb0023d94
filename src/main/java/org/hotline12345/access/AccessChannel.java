package org.hotline12345.access;

/** Where a user was shown a citizen's details. */
public enum AccessChannel {
    /** a page of the site (including its Excel exports) */
    PAGE,
    /** an endpoint of the API */
    API,
    /** the screen pop of a ringing call, pushed to the agent's desktop */
    SCREEN_POP,
    /** the citizens' portal, read by the citizen who proved the request is theirs (提取码, SMS code, rating link) */
    PORTAL,
    /** the service itself, outside any request (a scheduled job acting on a user's behalf) */
    SYSTEM
}
