/**
 * A campaign's privacy safe mode over time: {@link org.chorus.host.application.privacy.PrivacyPurge} erases
 * supporters' personal data a set number of days after their action unless they opted in to hear more.
 */
package org.chorus.host.application.privacy;
