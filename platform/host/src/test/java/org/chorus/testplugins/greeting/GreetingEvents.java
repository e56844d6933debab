package org.chorus.testplugins.greeting;

import java.util.concurrent.atomic.AtomicInteger;
import org.chorus.api.event.ActionTakenEvent;
import org.chorus.api.event.CampaignEventListener;
import org.pf4j.Extension;

/** Counts the actions it hears of, so tests can see events arrive. */
@Extension
public class GreetingEvents implements CampaignEventListener {

    static final AtomicInteger COUNT = new AtomicInteger();

    @Override
    public void actionTaken(ActionTakenEvent event) {
        COUNT.incrementAndGet();
    }
}
