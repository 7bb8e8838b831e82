"""The Scrapy project: the story spider, its items, pipelines, middlewares and settings."""
