// SurveyStats module
