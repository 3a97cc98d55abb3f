"""The producer's space (/producer/): its products, batches, orders, sales and experience sessions,
and nothing else.

Why not Oscar's dashboard for producers: its product form writes names and descriptions straight
onto the public product (no moderation), it is built for a desk, and its order page shows every
line of an order. Here every query starts from the signed-in user's producer, so another
producer's objects are simply not found (404).
"""
