BASE_PATH = 'test/'
