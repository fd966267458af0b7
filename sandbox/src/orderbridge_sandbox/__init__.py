"""orderbridge-sandbox: a stateful fake of the four brokers, built on their specs."""
