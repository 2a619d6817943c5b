"""vntext"""
