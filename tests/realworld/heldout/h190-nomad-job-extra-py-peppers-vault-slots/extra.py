import os

# API token peppers for v2 tokens, from the task's environment
# Format: {id: 'secret_value'}
pepper_0 = os.getenv('API_TOKEN_PEPPER_0', '')
API_TOKEN_PEPPERS = {
    0: pepper_0
} if pepper_0 else {}
