package org.spares.support;

import org.spares.app.SparesApplication;

/** The real application, as tests start it (real clock). */
public class TestSparesApplication extends SparesApplication {
}
