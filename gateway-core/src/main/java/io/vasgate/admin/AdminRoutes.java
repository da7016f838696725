package io.vasgate.admin;

import io.javalin.Javalin;

/** A feature's endpoints on the admin HTTP port; each feature brings its own. */
@FunctionalInterface
public interface AdminRoutes {

  void register(Javalin app);
}
