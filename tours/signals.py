"""What tours tells the rest of the site; apps that care listen (tours imports none of them)."""

from django.dispatch import Signal

# A guest cancelled one workshop booking of an order that goes on (its other lines stand):
# sent with order= and booking=, inside the cancelling transaction. When the booking was the
# order's last line the order itself is cancelled and Oscar's order_status_changed is sent instead.
booking_cancelled = Signal()
