from shopcache.legacy.defaults import DEFAULT_TTL, DEFAULT_SIZE

print(f"1.x defaults were ttl={DEFAULT_TTL} size={DEFAULT_SIZE}")
