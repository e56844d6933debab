package org.chorus.host.interfaces.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the routes someone may use while owners require two-factor login and they have not set it up yet (their
 * account page, where they set it up). Every other admin route sends them there first.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TwoFactorSetup {
}
