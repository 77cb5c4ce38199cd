(set! nope 1)
