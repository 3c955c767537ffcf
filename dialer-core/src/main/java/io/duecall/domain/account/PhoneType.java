package io.duecall.domain.account;

/** What a number belongs to; early-stage strategies dial mobile, then home, then work. */
public enum PhoneType {
    MOBILE,
    HOME,
    WORK
}
