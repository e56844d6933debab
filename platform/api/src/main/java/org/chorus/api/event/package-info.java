/** Events the host publishes after the change that caused them has committed; listeners run off the request thread. */
package org.chorus.api.event;
