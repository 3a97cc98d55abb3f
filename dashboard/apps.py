import oscar.apps.dashboard.apps as apps


class DashboardConfig(apps.DashboardConfig):
    # Forked so that Oscar's class loader finds our dashboard.catalogue modules: it looks them up
    # by the first part of the label ("dashboard"), this app.
    name = "dashboard"
